// Demo of the Tier0 API for site owners (kept out of inline handlers so a strict CSP works too).
// Only the Expenses page has the API buttons; the Account page shares this file.
function onClick(id, fn) {
  var el = document.getElementById(id);
  if (el) el.addEventListener('click', fn);
}
onClick('demo-open', function () { Tier0.open(); });
onClick('demo-search', function () { Tier0.search('printer offline'); });
onClick('demo-article', function () { Tier0.showArticle('accounts/reset-password'); });
onClick('demo-escalate', function () { Tier0.escalate('demo button'); });
var out = document.getElementById('demo-events');
if (out) {
  ['ready', 'open', 'close', 'search', 'article:view', 'feedback', 'escalate', 'ticket:sent'].forEach(function (name) {
    Tier0.on(name, function (payload) {
      out.textContent = name + ' ' + JSON.stringify(payload).slice(0, 120);
    });
  });
}
