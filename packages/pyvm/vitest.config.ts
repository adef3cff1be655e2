// This package's tests use the workspace's shared vitest configuration, run in child processes
// whose V8 stack is raised: pyvm's eval loop recurses in JS for each Python call, and CPython's
// default recursion limit (1000 frames) needs more than V8's default ~1 MB (the 8 MB main-thread
// stack of a forked process leaves room for 7 MB).
import { mergeConfig } from "vitest/config";
import base from "../../vitest.base.js";

export default mergeConfig(base, { test: { pool: "forks", execArgv: ["--stack-size=7000"] } });
