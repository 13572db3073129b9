/* global window, document, XMLHttpRequest */
// The online install page's script, in plain ES5: it runs in whatever browser
// the clerk opens it with. It asks the WPS service on this computer
// (127.0.0.1:58890, started with WPS) to enable or disable the add-in served
// from this page's own folder, as `wpsjs publish` pages do.
(function () {
  "use strict";
  var NAME = "EpiLedger";
  var SERVICE = "http://127.0.0.1:58890/deployaddons/runParams";
  var url = window.location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  document.getElementById("addon-url").textContent = url;

  function base64(text) {
    return window.btoa(unescape(encodeURIComponent(text)));
  }

  function send(cmd, done) {
    var body = base64(
      JSON.stringify({
        cmd: cmd,
        name: NAME,
        url: url,
        addonType: "et",
        online: "true",
        version: "0.1.0",
      })
    );
    var xhr = new XMLHttpRequest();
    xhr.open("POST", SERVICE);
    xhr.timeout = 5000;
    xhr.onload = function () {
      done(xhr.status === 200, xhr.responseText);
    };
    xhr.onerror = xhr.ontimeout = function () {
      done(false, "");
    };
    xhr.send(body);
  }

  function show(text) {
    document.getElementById("status").textContent = text;
  }

  document.getElementById("install").onclick = function () {
    send("enable", function (ok) {
      show(
        ok
          ? "已安装。请重新启动 WPS 表格，在“是否信任”提示中点“允许”。"
          : "无法连接本机 WPS 服务（127.0.0.1:58890）。请先启动 WPS 表格后重试；仍不行时请联系信息科改用离线部署（jsplugins.xml）。"
      );
    });
  };
  document.getElementById("uninstall").onclick = function () {
    send("disable", function (ok) {
      show(
        ok
          ? "已卸载。重新启动 WPS 表格后，功能区不再显示“防疫台账助手”。"
          : "无法连接本机 WPS 服务，请启动 WPS 表格后重试。"
      );
    });
  };
})();
