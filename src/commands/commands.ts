/**
 * The ribbon's function file (FunctionFile in manifest.xml). The Home-tab
 * button opens the task pane (ShowTaskpane) and needs no code; a ribbon
 * button that runs a function (ExecuteFunction) registers its handler here.
 * https://learn.microsoft.com/office/dev/add-ins/design/add-in-commands
 */

/** A ribbon function: Office passes an event that must be completed, or the ribbon keeps waiting. */
export type RibbonFunction = (event: Office.AddinCommands.Event) => Promise<void>;

/** Function commands by the action id used in manifest.xml. None yet: the ribbon only opens the task pane. */
export const RIBBON_FUNCTIONS: Readonly<Record<string, RibbonFunction>> = {};

Office.onReady(() => {
  for (const [id, fn] of Object.entries(RIBBON_FUNCTIONS))
    Office.actions.associate(id, (event: Office.AddinCommands.Event) => {
      // completed() must run even when the function fails, or Office shows the button as busy.
      fn(event).finally(() => event.completed());
    });
});
