/**
 * The page's one small script, inline: j/k (and n/p) move the focus between findings, and the
 * summary table sorts by a column. It reads only the page itself: no data, no network.
 */
export const SCRIPT = `
(function () {
  function findings() {
    return Array.prototype.filter.call(document.querySelectorAll('.finding'), function (el) {
      var d = el.closest('details');
      return !d || d.open;
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    var step = e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
    if (!step) return;
    var list = findings();
    if (!list.length) return;
    var here = document.activeElement;
    var at = list.indexOf(here);
    var next;
    if (at >= 0) next = Math.min(list.length - 1, Math.max(0, at + step));
    else {
      // from a figure, a link or a summary: the nearest finding after it (j) or before it (k)
      var after = here && here !== document.body ? list.filter(function (f) { return here.compareDocumentPosition(f) & 4; }) : list;
      var before = here && here !== document.body ? list.filter(function (f) { return here.compareDocumentPosition(f) & 2; }) : [];
      next = step > 0 ? list.indexOf(after[0] || list[list.length - 1]) : list.indexOf(before[before.length - 1] || list[0]);
    }
    list[next].focus();
    list[next].scrollIntoView({ block: 'center' });
    e.preventDefault();
  });
  Array.prototype.forEach.call(document.querySelectorAll('table.summary'), function (table) {
    var heads = table.querySelectorAll('th');
    Array.prototype.forEach.call(table.querySelectorAll('th button'), function (button) {
      button.addEventListener('click', function () {
        var col = Number(button.getAttribute('data-col'));
        var th = button.parentNode;
        var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', dir);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
          var nx = Number(x), ny = Number(y);
          var c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh');
          return dir === 'ascending' ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
`;
