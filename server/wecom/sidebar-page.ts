/**
 * The WeCom sidebar page, served by the server (not part of the web app's bundles): a small HTML
 * page and its script. Inside WeCom (the JS-SDK's `wx` present) it signs `wx.agentConfig`, asks
 * `getCurExternalContact` for the external userid, and sends files with `sendChatMessage`;
 * outside WeCom it is a plain page showing the customer named by `?externalUserId=`.
 */
export const JWEIXIN_URL = 'https://res.wx.qq.com/open/js/jweixin-1.2.0.js';
export const WECOM_JSSDK_URL = 'https://open.work.weixin.qq.com/wwopen/js/jwxwork-1.0.0.js';

export const sidebarHtml = (withSdk: boolean) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cairn 客户侧边栏</title>
<style>
body{font:14px/1.5 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;padding:12px;color:#1f1f1f;background:#fff}
h1{font-size:16px;margin:0 0 8px}h2{font-size:14px;margin:16px 0 6px}
dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}dt{color:#595959}dd{margin:0}
ul{list-style:none;padding:0;margin:0}li{border-bottom:1px solid #f0f0f0;padding:6px 0}
.note{color:#595959;background:#fafafa;border:1px solid #d9d9d9;border-radius:6px;padding:8px}
button{background:#0958d9;color:#fff;border:0;border-radius:6px;padding:4px 10px;font-size:13px;cursor:pointer}
.muted{color:#595959;font-size:12px}
</style>
${withSdk ? `<script src="${JWEIXIN_URL}"></script>\n<script src="${WECOM_JSSDK_URL}"></script>` : ''}
<script src="/wecom/sidebar.js" defer></script>
</head>
<body>
<main>
<h1>客户侧边栏 <span class="muted">Customer sidebar</span></h1>
<p id="mode" class="note" role="status">正在加载…</p>
<section id="card" aria-labelledby="card-title" hidden><h2 id="card-title">客户</h2><dl id="card-fields"></dl></section>
<section id="files-section" aria-labelledby="files-title" hidden><h2 id="files-title">方案与文件</h2><ul id="files"></ul></section>
<section id="followups-section" aria-labelledby="followups-title" hidden><h2 id="followups-title">最近跟进</h2><ul id="followups"></ul></section>
</main>
</body>
</html>
`;

export const sidebarScript = `'use strict';
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var statusNames = { initial_contact: '初步接触', deep_talk: '深度沟通', proposal_sent: '已发方案', awaiting_reply: '等客户回复', closed: '已结束' };
  var fieldNames = { name: '名称', level: '等级', status: '状态', industry: '行业', region: '地区', lastFollowupAt: '最近跟进' };
  var wx = window.wx;
  var inWecom = !!(wx && typeof wx.agentConfig === 'function' && typeof wx.invoke === 'function');
  var externalUserId = null;

  function csrf() {
    var m = document.cookie.match(/(?:^|; )cairn_csrf=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  function api(path, options) {
    options = options || {};
    var headers = {};
    if (options.body) headers['content-type'] = 'application/json';
    if (csrf()) headers['x-csrf-token'] = csrf();
    return fetch('/api/v1' + path, { method: options.method || 'GET', body: options.body, headers: headers, credentials: 'same-origin' })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (body) {
          if (!res.ok) {
            var error = new Error((body.error && body.error.message) || 'HTTP ' + res.status);
            error.status = res.status;
            throw error;
          }
          return body.data;
        });
      });
  }
  function invoke(name, args) {
    return new Promise(function (resolve, reject) {
      wx.invoke(name, args, function (res) {
        if (res && /:ok$/.test(res.err_msg || '')) resolve(res);
        else reject(new Error((res && res.err_msg) || name + ' failed'));
      });
    });
  }
  function configure() {
    return api('/wecom/agent-config?url=' + encodeURIComponent(location.href.split('#')[0])).then(function (c) {
      return new Promise(function (resolve, reject) {
        wx.agentConfig({
          corpid: c.corpid, agentid: c.agentid, timestamp: c.timestamp, nonceStr: c.nonceStr, signature: c.signature,
          jsApiList: ['getCurExternalContact', 'sendChatMessage'],
          success: resolve,
          fail: function (e) { reject(new Error((e && e.errMsg) || 'agentConfig failed')); }
        });
      });
    });
  }
  function say(text) { $('mode').textContent = text; }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—'; }

  function renderList(listId, sectionId, items, emptyText, fill) {
    var ul = $(listId);
    ul.textContent = '';
    if (!items.length) ul.appendChild(el('li', emptyText, 'muted'));
    items.forEach(function (item) {
      var li = el('li');
      fill(li, item);
      ul.appendChild(li);
    });
    $(sectionId).hidden = false;
  }
  function send(file, button) {
    button.disabled = true;
    var link = location.origin + '/api/v1/attachments/' + file.id + '/download';
    invoke('sendChatMessage', { msgtype: 'news', enterChat: false, news: { link: link, title: file.name, desc: '来自 Cairn 的方案', imgUrl: '' } })
      .then(function () {
        return api('/wecom/sent-files', { method: 'POST', body: JSON.stringify({ externalUserId: externalUserId, fileName: file.name, attachmentId: file.id }) });
      })
      .then(function () { say('已发送：' + file.name + '（已记为跟进：已发方案）'); return load(); })
      .catch(function (e) { say('发送失败：' + e.message); })
      .then(function () { button.disabled = false; });
  }
  function render(data) {
    var dl = $('card-fields');
    dl.textContent = '';
    Object.keys(fieldNames).forEach(function (k) {
      if (!(k in data.customer)) return;
      dl.appendChild(el('dt', fieldNames[k]));
      var v = data.customer[k];
      dl.appendChild(el('dd', k === 'lastFollowupAt' ? when(v) : v == null || v === '' ? '—' : String(v)));
    });
    $('card').hidden = false;
    renderList('files', 'files-section', data.files, '该客户还没有文件', function (li, f) {
      li.appendChild(el('span', f.name + ' '));
      if (inWecom) {
        var b = el('button', '发送到聊天');
        b.setAttribute('aria-label', '发送到聊天：' + f.name);
        b.addEventListener('click', function () { send(f, b); });
        li.appendChild(b);
      }
    });
    renderList('followups', 'followups-section', data.followups, '暂无跟进', function (li, f) {
      li.setAttribute('data-testid', 'sidebar-followup');
      li.appendChild(el('div', (statusNames[f.status] || f.status || '') + ' · ' + when(f.occurredAt), 'muted'));
      li.appendChild(el('div', f.content || ''));
    });
  }
  function load() {
    return api('/wecom/contacts/' + encodeURIComponent(externalUserId)).then(render);
  }
  function fail(e) {
    if (e.status === 401) {
      say('请先登录 Cairn。');
      var a = el('a', '登录');
      a.href = '/login?next=' + encodeURIComponent(location.pathname + location.search);
      $('mode').appendChild(a);
    } else if (e.status === 404) say('这个外部联系人还没有关联到 Cairn 的客户。');
    else say('加载失败：' + e.message);
  }

  var start = inWecom
    ? configure()
        .then(function () { return invoke('getCurExternalContact', {}); })
        .then(function (res) { externalUserId = res.userId; say('企业微信会话中：可以把方案发送到聊天。'); })
    : Promise.resolve().then(function () {
        externalUserId = new URLSearchParams(location.search).get('externalUserId');
        say('不在企业微信中：这是普通网页，只能查看，不能发送到聊天。');
      });
  start
    .then(function () {
      if (!externalUserId) { say($('mode').textContent + ' 没有指定外部联系人。'); return; }
      return load();
    })
    .catch(fail);
})();
`;
