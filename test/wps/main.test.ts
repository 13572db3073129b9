/**
 * @jest-environment jsdom
 *
 * main.js, the ribbon's callbacks: the button opens the task pane with
 * CreateTaskPane, keeps its ID in PluginStorage, and a second click finds the
 * same pane with GetTaskPane and hides it.
 */
interface Pane {
  ID: number;
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
  url: string;
}

function fakeRoot() {
  const store = new Map<string, string>();
  const panes: Pane[] = [];
  return {
    panes,
    store,
    ActiveWorkbook: {},
    Enum: { msoCTPDockPositionRight: 2 },
    PluginStorage: {
      getItem: (k: string) => store.get(k) ?? "",
      setItem: (k: string, v: unknown) => void store.set(k, String(v)),
    },
    CreateTaskPane(url: string) {
      const pane: Pane = { ID: panes.length + 1, Visible: false, url };
      panes.push(pane);
      return pane;
    },
    GetTaskPane: (id: number) => panes.find((p) => p.ID === id),
  };
}

type Callbacks = {
  OnAddinLoad: () => boolean;
  OnAction: (control: { Id: string }) => boolean;
  GetImage: () => string;
};

describe("main.js", () => {
  it("opens the task pane beside the entry page, keeps its ID, and toggles the same pane on the next click", async () => {
    const root = fakeRoot();
    Object.assign(window, { Application: root });
    await import("../../src/hosts/wps/addin/main");
    const callbacks = window as unknown as Callbacks;
    expect(callbacks.OnAddinLoad()).toBe(true);
    expect(callbacks.GetImage()).toBe("images/icon-32.png");
    callbacks.OnAction({ Id: "epiLedgerOpenPane" });
    expect(root.panes).toHaveLength(1);
    expect(root.panes[0]).toMatchObject({ Visible: true, DockPosition: 2, Width: 380 });
    expect(root.panes[0].url).toBe(window.location.href.replace(/[^/]*$/, "") + "taskpane.html");
    expect([...root.store.values()]).toEqual(["1"]);
    callbacks.OnAction({ Id: "epiLedgerOpenPane" });
    expect(root.panes).toHaveLength(1);
    expect(root.panes[0].Visible).toBe(false);
    callbacks.OnAction({ Id: "someOtherButton" });
    expect(root.panes[0].Visible).toBe(false);
  });
});
