// 创先争优工作平台: the webapps never show Camunda's own login form. People log in on the
// application's login page (Spring Security); when a webapp would show its login view — after its
// user menu's logout, or when the session has ended — the browser goes to that page instead.
const loginPage = window.location.pathname.split('/camunda/')[0] + '/login';

function leaveWebappLogin() {
  if (window.location.hash.indexOf('#/login') === 0) {
    window.location.replace(loginPage);
  }
}

window.addEventListener('hashchange', leaveWebappLogin);
leaveWebappLogin();
