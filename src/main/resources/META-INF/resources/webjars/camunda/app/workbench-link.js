// 创先争优工作平台: the way back to 工作台 (the application's home, /) from Tasklist, Cockpit and Admin — a link
// "工作台" in the webapp's header, beside its name. Each app's config.js loads it through customScripts
// (scripts/workbench-link.js); the header is drawn by Angular and may be drawn again, so the link is put
// back whenever it is missing. Styled by each app's styles/user-styles.css (.campaign-workbench-link).
const workbench = window.location.pathname.split('/camunda/')[0] + '/';

function addWorkbenchLink() {
  const header = document.querySelector('[cam-widget-header] .navbar-header');
  if (!header || header.querySelector('.campaign-workbench-link')) {
    return;
  }
  const link = document.createElement('a');
  link.className = 'campaign-workbench-link';
  link.href = workbench;
  link.textContent = '工作台';
  link.title = '返回创先争优工作平台的工作台';
  const brand = header.querySelector('.navbar-brand');
  header.insertBefore(link, brand ? brand.nextSibling : null);
}

new MutationObserver(addWorkbenchLink).observe(document.documentElement, { childList: true, subtree: true });
addWorkbenchLink();
