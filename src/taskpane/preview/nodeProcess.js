/*
 * The slice of Node's `process` that ExcelJS and readable-stream read in a browser (webpack
 * provides it to modules that name `process`): browser, env, nextTick, version.
 */
/* global queueMicrotask */
module.exports = {
  browser: true,
  env: {},
  version: "",
  versions: {},
  nextTick: (callback, ...args) => queueMicrotask(() => callback(...args)),
};
