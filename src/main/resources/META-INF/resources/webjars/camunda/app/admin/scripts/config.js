// The admin webapp's configuration (Camunda's customisation point, replacing the default config.js).
import '../../single-sign-on.js';

export default {
  // Chinese by default; English when the browser asks for it (locales/zh.json is ours)
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the header shows "<vendor> <name>": 创先争优工作平台 · 系统管理
  app: {
    name: '系统管理',
    vendor: '创先争优工作平台 ·'
  },
  // the link back to 工作台 in the header (scripts/workbench-link.js)
  customScripts: ['scripts/workbench-link']
};
