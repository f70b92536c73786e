// The console's behaviour beyond htmx: charts, the signed-out case of background requests, focus after swaps.
// No inline scripts anywhere, so the Content-Security-Policy can forbid them.
(function () {
  "use strict";

  function renderCharts(root) {
    if (typeof echarts === "undefined") {
      return;
    }
    root.querySelectorAll("[data-chart]").forEach(function (element) {
      if (element.dataset.rendered) {
        return;
      }
      var option = JSON.parse(element.dataset.chart);
      option.animation = false;
      var chart = echarts.init(element, null, { renderer: "canvas" });
      chart.setOption(option);
      element.dataset.rendered = "true";
      element.dataset.points = String(pointsOf(option));
    });
  }

  function pointsOf(option) {
    var count = 0;
    (option.series || []).forEach(function (series) {
      count += (series.data || []).length;
    });
    return count;
  }

  window.addEventListener("resize", function () {
    if (typeof echarts === "undefined") {
      return;
    }
    document.querySelectorAll("[data-chart][data-rendered]").forEach(function (element) {
      var chart = echarts.getInstanceByDom(element);
      if (chart) {
        chart.resize();
      }
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    renderCharts(document);
    if (typeof htmx === "undefined") {
      return;
    }
    htmx.config.allowEval = false;
    htmx.config.historyCacheSize = 0;
    // Tells the server's sign-in check that this is a background request: an expired session then answers
    // 499 instead of a redirect to the identity provider, and the page reloads to sign in again.
    document.body.addEventListener("htmx:configRequest", function (event) {
      event.detail.headers["X-Requested-With"] = "JavaScript";
    });
    document.body.addEventListener("htmx:responseError", function (event) {
      if (event.detail.xhr.status === 499 || event.detail.xhr.status === 401) {
        window.location.reload();
      }
    });
    // Pages answer form errors with 4xx and the form again: show it instead of dropping it.
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      var status = event.detail.xhr.status;
      if (status >= 400 && status < 500 && status !== 499) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });
    document.body.addEventListener("htmx:afterSettle", function (event) {
      renderCharts(event.detail.elt);
      var focus = event.detail.elt.querySelector("[data-focus]");
      if (focus) {
        focus.focus();
      }
    });
  });
})();
