export {};
//# sourceMappingURL=repositories.js.map