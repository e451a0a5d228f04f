// The tasklist webapp's configuration (Camunda's customisation point, replacing the default config.js).
import '../../single-sign-on.js';

export default {
  // Chinese by default; English when the browser asks for it (locales/zh.json is ours)
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the header shows "<vendor> <name>": 创先争优工作平台 · 任务
  app: {
    name: '任务',
    vendor: '创先争优工作平台 ·'
  },
  // the campaign's additions to the page: scripts/campaign-tasklist.js (what it does is said there), and the
  // link back to 工作台 in the header (scripts/workbench-link.js)
  customScripts: ['scripts/campaign-tasklist', 'scripts/workbench-link'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“发起流程”对话框'
    }
  }
};
