// Draws the campaign dashboard's charts from the figures the page carries (no request of its own).
(function () {
  const view = JSON.parse(document.getElementById('dashboard-data').textContent);
  const red = '#c8161d';
  Chart.defaults.font.family = "'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  new Chart(document.getElementById('chart-stages'), {
    type: 'bar',
    data: {
      labels: Object.keys(view.stages),
      datasets: [{ label: '团支部数', data: Object.values(view.stages), backgroundColor: red }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  new Chart(document.getElementById('chart-grades'), {
    type: 'doughnut',
    data: {
      labels: Object.keys(view.grades),
      datasets: [{ data: Object.values(view.grades),
        backgroundColor: ['#c8161d', '#e8703a', '#f2b134', '#6b6b6b', '#d9d9d9'] }]
    },
    options: { plugins: { legend: { position: 'right' } } }
  });

  // the branches that have begun pledging (a member signed, or the round is open)
  const branches = view.branches.filter((b) => b.round !== null || b.stage === '承诺践诺');
  new Chart(document.getElementById('chart-pledges'), {
    type: 'bar',
    data: {
      labels: branches.map((b) => b.name),
      datasets: [
        { label: '已签订', data: branches.map((b) => b.signed), backgroundColor: red },
        { label: '未签订', data: branches.map((b) => Math.max(0, b.members - b.signed)), backgroundColor: '#d9d9d9' }
      ]
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
