// The welcome webapp's configuration (Camunda's customisation point, replacing the default config.js).
import '../../single-sign-on.js';

export default {
  // Chinese by default; English when the browser asks for it (locales/zh.json is ours)
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the header shows "<vendor> <name>": 创先争优工作平台 · 首页
  app: {
    name: '首页',
    vendor: '创先争优工作平台 ·'
  },
  // 帮助文档: the platform's own help in Chinese, not the workflow engine's English documentation
  links: [
    {
      label: '帮助文档',
      href: window.location.pathname.split('/camunda/')[0] + '/help/tasklist.html',
      description: '如何在“任务”中办理创先争优活动的工作'
    }
  ]
};
