/// <reference types="et-jsapi-declare" />
/**
 * The add-in's main.js: the global callbacks ribbon.xml names. WPS loads the
 * entry page (index.html) hidden at start-up and calls `OnAddinLoad` when the
 * ribbon is built, `OnAction` when the button is clicked and `GetImage` for
 * its icon. The button opens the task pane with `CreateTaskPane`; its ID is
 * kept in `PluginStorage` (shared by the add-in's pages), so a second click
 * finds the same pane with `GetTaskPane` and shows or hides it.
 */
import { detectEtApplication, read, assign, type EtGlobals } from "../et";

/** Per host: WPS 文字, 表格 and 演示 share one PluginStorage, and pane IDs count from 1 in each. */
const PANE_KEY = "epiLedger.et.taskPaneId";
const OPEN_PANE = "epiLedgerOpenPane";
/** msoCTPDockPositionRight, where the build's Enum does not list it. */
const DOCK_RIGHT = 2;
const PANE_WIDTH = 380;

type AddonRoot = WPS.AddonRoot;

let root: AddonRoot | undefined;

/** Found once, on first use: the ribbon API (CreateTaskPane, PluginStorage) sits on the same object as ET's Application. */
function addonRoot(): AddonRoot | undefined {
  root ??= detectEtApplication(window as unknown as EtGlobals) as unknown as AddonRoot | undefined;
  return root;
}

/** The task pane's address: taskpane.html beside this page, in the add-in's own folder. */
function paneUrl(): string {
  return window.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "") + "taskpane.html";
}

function togglePane(addon: AddonRoot): void {
  const storage = read(addon, "PluginStorage");
  const id = storage.getItem(PANE_KEY);
  if (id) {
    const pane = addon.GetTaskPane(Number(id));
    if (pane) {
      assign(pane, "Visible", !read(pane, "Visible"));
      return;
    }
  }
  const pane = addon.CreateTaskPane(paneUrl(), "防疫台账助手");
  storage.setItem(PANE_KEY, read(pane, "ID"));
  const dock = read(addon, "Enum")?.msoCTPDockPositionRight ?? DOCK_RIGHT;
  assign(pane, "DockPosition", dock as Kso.MsoCTPDockPosition);
  assign(pane, "Width", PANE_WIDTH);
  assign(pane, "Visible", true);
}

function OnAddinLoad(): boolean {
  return true;
}

function OnAction(control: { Id?: string; id?: string }): boolean {
  const addon = addonRoot();
  if ((control.Id ?? control.id) === OPEN_PANE && addon) togglePane(addon);
  return true;
}

function GetImage(): string {
  return "images/icon-32.png";
}

Object.assign(window, { OnAddinLoad, OnAction, GetImage });
