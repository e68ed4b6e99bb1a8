/**
 * Checks, at compile time, that `list` names every member of the string union `T` and nothing
 * else. For unions a type already spells out, such as the `kind` of a discriminated union, where
 * the list cannot be the source: a member added to the type without the list fails to compile.
 *
 * `allOf<Actor["kind"]>()(["shopper", "admin", "system"])`
 */
export const allOf = () => (list) => list;
//# sourceMappingURL=enum.js.map