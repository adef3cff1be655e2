// This package's tests use the workspace's shared vitest configuration, run in child processes
// whose V8 stack is raised: pyvm's eval loop recurses in JS for each Python call, and CPython's
// default recursion limit (1000 frames) needs more than V8's default ~1 MB (the 8 MB main-thread
// stack of a forked process leaves room for 7 MB).
import { mergeConfig } from "vitest/config";
import base from "../../vitest.base.js";

// Test files run one at a time: several of them hand programs to python3 through files in shared
// temporary folders, and run concurrently they have been seen to read each other's files.
export default mergeConfig(base, { test: { pool: "forks", execArgv: ["--stack-size=7000"], fileParallelism: false } });
