// Demo of the Tier0 API for site owners (kept out of inline handlers so a strict CSP works too).
document.getElementById('demo-open').addEventListener('click', function () { Tier0.open(); });
document.getElementById('demo-search').addEventListener('click', function () { Tier0.search('printer offline'); });
document.getElementById('demo-article').addEventListener('click', function () { Tier0.showArticle('accounts/reset-password'); });
document.getElementById('demo-escalate').addEventListener('click', function () { Tier0.escalate('demo button'); });
var out = document.getElementById('demo-events');
['ready', 'open', 'close', 'search', 'article:view', 'feedback', 'escalate', 'ticket:sent'].forEach(function (name) {
  Tier0.on(name, function (payload) {
    out.textContent = name + ' ' + JSON.stringify(payload).slice(0, 120);
  });
});
