// This package's tests use the workspace's shared vitest configuration.
export { default } from "../../vitest.base.js";
