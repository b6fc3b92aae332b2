/*
 * Inlined into index.html by web/vite.config.ts (cairn-boot plugin). On a phone opening a customer
 * (or the customer list) it starts, while the entry chunk is still downloading:
 *   - the route's own chunks (modulepreload), instead of after the entry has run;
 *   - the lite header's API requests, with the same URLs the app builds
 *     (web/src/modules/customers/api/customers.ts and modules/users/api/users.ts);
 *     web/src/app/api/client.ts picks these responses up.
 * Keep the URLs in step with those files; a mismatch only costs the head start.
 */
(function () {
  var CHUNKS = { detail: ['__CHUNKS_DETAIL__'], list: ['__CHUNKS_LIST__'] };
  var DEFAULT_LITE = ['name', 'ownerId', 'mainPhone', 'level', 'lastFollowupAt'];
  try {
    if (!window.matchMedia('(max-width: 767.98px)').matches) return;
    // the session is an HttpOnly cookie; the readable CSRF cookie beside it says one exists
    var csrf = /(?:^|;\s*)cairn_csrf=([^;]+)/.exec(document.cookie);
    var token = csrf && decodeURIComponent(csrf[1]);
    if (!token) return;
    var path = location.pathname;
    var detail = /^\/customers\/([^/]+)\/?$/.exec(path);
    var route = detail && detail[1] !== 'new' ? 'detail' : /^\/customers\/?$/.test(path) ? 'list' : null;
    if (!route) return;
    CHUNKS[route].forEach(function (href) {
      var link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = href;
      document.head.appendChild(link);
    });
    if (route !== 'detail') return;

    var id = encodeURIComponent(decodeURIComponent(detail[1]));
    var lite = DEFAULT_LITE;
    try {
      var stored = JSON.parse(localStorage.getItem('cairn.liteFields') || 'null');
      if (Array.isArray(stored) && stored.length) lite = stored;
    } catch {
      /* keep the default */
    }
    var fields = ['name'];
    var custom = false;
    lite.forEach(function (f) {
      if (f.indexOf('custom.') === 0) custom = true;
      else if (f !== 'lastFollowupAt' && fields.indexOf(f) < 0) fields.push(f);
    });
    if (custom) fields.push('custom');

    var q = function (params) {
      var search = new URLSearchParams();
      Object.keys(params).forEach(function (k) {
        search.set(k, params[k]);
      });
      return '?' + search.toString();
    };
    // Only what the lite header needs, most important first (the server answers roughly in order).
    var urls = ['/api/v1/customers/' + id + q({ fields: fields.join(',') })];
    if (lite.indexOf('lastFollowupAt') >= 0) {
      var customerId = decodeURIComponent(detail[1]);
      urls.push(
        '/api/v1/followups' +
          q({
            filter: JSON.stringify({ customerId: customerId }),
            sort: '-occurredAt',
            limit: '1',
            fields: 'occurredAt',
          }),
      );
    }
    // Owner names: the app shows the stored list at once and refreshes it itself.
    if (!localStorage.getItem('cairn.userNames'))
      urls.push('/api/v1/users' + q({ limit: '200', fields: 'displayName,isActive' }));
    var store = (window.__cairnPrefetch = {});
    urls.forEach(function (url) {
      store[url] = {
        token: token,
        at: Date.now(),
        response: fetch(url, { headers: { Accept: 'application/json', 'X-CSRF-Token': token } }),
      };
      // An unused or failed prefetch must not surface as an unhandled rejection.
      store[url].response.catch(function () {});
    });
  } catch {
    /* the app works without the head start */
  }
})();
