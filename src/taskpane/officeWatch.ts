/**
 * The first script of taskpane.html, before office.js: if office.js fails or
 * has not arrived within a few seconds, the pane says so instead of staying
 * blank (see officeLoad.ts). Its script tag names the office.js source in
 * `data-office-js`, which the build sets (webpack.config.js).
 */
import { watchOfficeLoad } from "./officeLoad";

const source = document.currentScript?.getAttribute("data-office-js");
if (source) watchOfficeLoad({ window, source });
