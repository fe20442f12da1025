/*
 * Ribbon commands. The manifest's only button is ShowTaskpane (no ExecuteFunction), so there
 * is nothing to Office.actions.associate yet. This bundle is loaded by taskpane.html, the
 * shared runtime's page (manifest FunctionFile = Taskpane.Url); add ExecuteFunction
 * handlers here and register them with Office.actions.associate after Office.onReady.
 */
if (typeof Office !== "undefined") {
  void Office.onReady();
}

export {};
