// 创先争优工作平台: what Tasklist needs for this campaign beyond Camunda's configuration. Loaded by
// config.js (customScripts) before the app starts; it changes nothing of Camunda's bundles, only the page:
// - controls the engine boundary refuses to people other than administrators are hidden (styles/user-styles.css,
//   keyed on the class campaign-administrator this script sets for administrators);
// - form-js's English validation messages and "Select" are shown in Chinese (form-js 1.x has no way to translate
//   them), its date picker (flatpickr) speaks Chinese and starts its weeks on Monday (flatpickr.localize);
// - the search box's texts are translated again once the locale has loaded (the search widget translates them
//   once, when it appears: before the locale file arrived it kept the raw keys);
// - a refused submission shows the server's Chinese message (it names the field), a completed task says
//   what happens next.
const appRoot = document.querySelector('base').getAttribute('app-root');

const FORM_MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符。`],
  [/^Field must match pattern (.+)\.$/, () => '格式不正确。'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱。'],
  [/^Field must be a valid phone number\.$/, () => '请填写有效的电话号码。'],
  [/^Value must be a number\.$/, () => '请填写数字。'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数。']
];

const PLACEHOLDERS = { Select: '请选择', Search: '搜索', 'Search...': '搜索…', 'mm/dd/yyyy': '月/日/年' };

const ZH_DATES = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时时制',
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  time_24hr: true
};

const COMPLETE_ERROR = '提交任务表单时出错';
const SUBMITTED = '已提交';
const CHECK_FIELDS = '请按表单中标红处的提示填写后再提交。';
const NEXT_STEP = '表单已交给下一步：下一项工作出现在负责它的人或组织的“全部待办”中；如果下一步由您办理，它会出现在您的“我的待办”或“全部待办”里。';

let refusal = null;
let localized = false;

// the administrators see every control; for everybody else the styles hide what the boundary refuses
fetch(appRoot + '/api/admin/auth/user/default', { credentials: 'same-origin' })
  .then((response) => (response.ok ? response.json() : null))
  .then((user) => {
    const apps = (user && user.authorizedApps) || [];
    document.documentElement.classList.toggle('campaign-administrator', apps.indexOf('admin') >= 0);
    document.documentElement.classList.toggle('campaign-cockpit', apps.indexOf('cockpit') >= 0);
  })
  .catch(() => {});

// what the server answered to a submission: its message reaches the person
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  if (method === 'POST' && /\/task\/[^/]+\/(submit-form|complete)$/.test(String(url).split('?')[0])) {
    this.addEventListener('loadend', () => {
      if (this.status >= 400) {
        try {
          refusal = JSON.parse(this.responseText).message || null;
        } catch (e) {
          refusal = null;
        }
        schedule();
      } else if (this.status >= 200 && this.status < 300) {
        refusal = null;
        const services = injector();
        if (services) {
          // the refusals of earlier attempts are past
          services.get('Notifications').clearAll();
        }
        announce(SUBMITTED, NEXT_STEP);
      }
    });
  }
  return open.apply(this, arguments);
};

function injector() {
  const angular = window.angular;
  if (!angular) {
    return null;
  }
  return angular.element(document.body).injector() || angular.element(document.documentElement).injector();
}

function announce(status, message) {
  const services = injector();
  if (services) {
    services.get('Notifications').addMessage({ status: status, message: message, duration: 10000 });
  }
}

function localizeDatePicker() {
  const flatpickr = window.flatpickr;
  if (!flatpickr) {
    return;
  }
  if (!localized) {
    flatpickr.localize(ZH_DATES);
    localized = true;
  }
  // pickers made before the localization
  document.querySelectorAll('.fjs-form input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && picker.l10n && picker.l10n.firstDayOfWeek !== 1) {
      picker.set('locale', ZH_DATES);
      picker.redraw();
    }
  });
}

function translateForm() {
  document.querySelectorAll('.fjs-form-field-error, .fjs-form-field-error li, .fjs-form-field-error span').forEach((node) => {
    node.childNodes.forEach((text) => {
      if (text.nodeType !== Node.TEXT_NODE) {
        return;
      }
      const value = text.data.trim();
      for (const [pattern, chinese] of FORM_MESSAGES) {
        const match = pattern.exec(value);
        if (match) {
          text.data = chinese(match);
          return;
        }
      }
    });
  });
  document.querySelectorAll('.fjs-form .fjs-select-placeholder').forEach((display) => {
    display.childNodes.forEach((text) => {
      if (text.nodeType === Node.TEXT_NODE && PLACEHOLDERS[text.data]) {
        text.data = PLACEHOLDERS[text.data];
      }
    });
  });
  document.querySelectorAll('.fjs-form input[placeholder]').forEach((input) => {
    const chinese = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  });
}

// the search widget translated its texts when it appeared; if the locale had not loaded then, it kept the keys
function retranslateSearch() {
  const services = injector();
  const angular = window.angular;
  if (!services || !angular) {
    return;
  }
  const $translate = services.get('$translate');
  const raw = (value) => typeof value === 'string' && /^[A-Z][A-Z0-9_]+$/.test(value);
  const t = (value) => (raw(value) ? $translate.instant(value) : value);
  document.querySelectorAll('[cam-widget-search]').forEach((element) => {
    const scope = angular.element(element).isolateScope();
    if (!scope) {
      return;
    }
    Object.keys(scope.translations || {}).forEach((key) => {
      scope.translations[key] = t(scope.translations[key]);
    });
    (scope.types || []).forEach((type) => {
      type.id.value = t(type.id.value);
      (type.operators || []).forEach((operator) => {
        operator.value = t(operator.value);
      });
    });
    angular.forEach(scope.operators, (group) => angular.forEach(group, (operator) => {
      operator.value = t(operator.value);
    }));
    const input = element.querySelector('input.main-field');
    if (input && raw(input.getAttribute('placeholder'))) {
      input.setAttribute('placeholder', t(input.getAttribute('placeholder')));
    }
    element.querySelectorAll('div').forEach((div) => {
      if (div.childNodes.length === 1 && div.firstChild.nodeType === Node.TEXT_NODE && /^[A-Z][A-Z0-9_]+:$/.test(div.textContent)) {
        div.textContent = t(div.textContent.slice(0, -1)) + ':';
      }
    });
    scope.$applyAsync();
  });
}

function searchHasRawKeys() {
  const input = document.querySelector('[cam-widget-search] input.main-field');
  return input && /^[A-Z][A-Z0-9_]+$/.test(input.getAttribute('placeholder') || '');
}

// the refused submission's message from the server, where Tasklist shows only its own heading
// (a form that form-js itself found incomplete was not sent: its fields say what is missing)
function explainRefusal() {
  document.querySelectorAll('.page-notifications .alert, [notifications-panel] .alert').forEach((alert) => {
    const status = alert.querySelector('.status');
    const message = alert.querySelector('.message');
    if (!status || !message || status.textContent.indexOf(COMPLETE_ERROR) < 0 || alert.dataset.explained) {
      return;
    }
    alert.dataset.explained = 'true';
    message.textContent = refusal || message.textContent.trim() || CHECK_FIELDS;
    refusal = null;
  });
}

// 描述: the campaign's tasks carry no description (their forms say what to do)
function hideEmptyTabs() {
  document.querySelectorAll('.task-card .nav-tabs > li > a').forEach((tab) => {
    const label = tab.textContent.trim();
    if (label === '描述' || label === 'Description') {
      tab.parentElement.style.display = 'none';
    }
  });
}

let scheduled = false;
function schedule() {
  if (!scheduled) {
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      localizeDatePicker();
      translateForm();
      explainRefusal();
      hideEmptyTabs();
      if (searchHasRawKeys()) {
        retranslateSearch();
      }
    }, 0);
  }
}

let listening = false;
function listen() {
  const services = injector();
  if (!listening && services) {
    listening = true;
    services.get('$rootScope').$on('$translateChangeSuccess', () => setTimeout(retranslateSearch, 0));
  }
}

new MutationObserver(() => {
  listen();
  schedule();
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder']
});
