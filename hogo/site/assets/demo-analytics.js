/* The demo page's stand-in for an analytics tag: it runs only once analytics is accepted. */
(() => {
  "use strict";
  window.demoAnalyticsRuns = (window.demoAnalyticsRuns || 0) + 1;
  const status = document.getElementById("demo-analytics-status");
  if (status) status.textContent = status.dataset.ran || "ran";
})();
