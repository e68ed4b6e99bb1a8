export { default } from "@bbscart/eslint-config";
