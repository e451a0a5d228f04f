/*
 * The task page (workbench/TaskPageController): renders the task's deployed Camunda Form with form-js
 * (FormViewer, the viewer of Tasklist 7.24's form-js), prefilled with the task's variables, in Chinese,
 * and submits its values to the page's own address; a refusal is shown at its field, the typed values stay.
 */
(function () {
	'use strict';

	var script = document.getElementById('task-script');
	var taskId = script.getAttribute('data-task');
	var preview = script.getAttribute('data-preview') === 'true';
	// a launch page (发起) submits its start form to its own address
	var submitUrl = script.getAttribute('data-submit') || ('/tasks/' + encodeURIComponent(taskId));
	var container = document.getElementById('form');
	var submitButton = document.getElementById('submit');
	var formError = document.getElementById('form-error');

	// form-js writes its validation messages in English: the same in Chinese
	var MESSAGES = [
		[/^Field is required\.$/, '此项为必填项。'],
		[/^Field must have minimum length of (\d+)\.$/, '至少应有 $1 个字。'],
		[/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字。'],
		[/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
		[/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
		[/^Field must match pattern .*$/, '格式不正确。'],
		[/^Value is not a number\.$/, '请输入数字。'],
		[/^Value is expected to be an integer\.$/, '应为整数。'],
		[/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
		[/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, '请输入有效值，最接近的有效值为 $1 和 $2。'],
		[/^Field must be a valid email\.$/, '请输入有效的电子邮箱地址。'],
		[/^Field must be a valid +international phone number.*$/, '请输入有效的电话号码（如 +8613800000000）。']
	];

	function chinese(message) {
		for (var i = 0; i < MESSAGES.length; i++) {
			if (MESSAGES[i][0].test(message)) {
				return message.replace(MESSAGES[i][0], MESSAGES[i][1]);
			}
		}
		return message;
	}

	// the date picker (flatpickr, inside form-js) in Chinese, weeks from Monday
	if (window.flatpickr) {
		var months = ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'];
		window.flatpickr.localize({
			weekdays: {
				shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
				longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
			},
			months: { shorthand: months, longhand: months },
			firstDayOfWeek: 1,
			rangeSeparator: ' 至 ',
			weekAbbreviation: '周',
			scrollTitle: '滚动切换',
			toggleTitle: '点击切换 12/24 小时制',
			amPM: ['上午', '下午'],
			yearAriaLabel: '年',
			monthAriaLabel: '月',
			hourAriaLabel: '时',
			minuteAriaLabel: '分'
		});
	}

	// the English words form-js shows: a searchable select's placeholder, and an empty select's
	// "Select" (a text node form-js keeps and updates in place: changed only while it says "Select",
	// so that an option chosen later replaces it as usual)
	var WORDS = { 'Search': '搜索', 'Select': '请选择' };

	function translateWords(root) {
		root.querySelectorAll('input[placeholder]').forEach(function (el) {
			if (WORDS[el.getAttribute('placeholder')]) {
				el.setAttribute('placeholder', WORDS[el.getAttribute('placeholder')]);
			}
		});
		root.querySelectorAll('.fjs-select-display').forEach(function (el) {
			el.childNodes.forEach(function (node) {
				if (node.nodeType === 3 && node.nodeValue === 'Select') {
					node.nodeValue = WORDS.Select;
				}
			});
		});
	}

	function readJson(id) {
		return JSON.parse(document.getElementById(id).textContent || '{}');
	}

	var schema = readJson('form-schema');
	var data = readJson('form-data');
	var form;

	// the ids form-js gives the fields, by key
	function fieldIds(components, ids) {
		(components || []).forEach(function (c) {
			if (c.key) {
				ids[c.key] = c.id;
			}
			fieldIds(c.components, ids);
		});
		return ids;
	}

	function showError(message) {
		formError.textContent = message;
		formError.hidden = !message;
	}

	function scrollToFirstError() {
		var first = container.querySelector('.fjs-has-errors, .fjs-form-field-error');
		if (first) {
			first.scrollIntoView({ block: 'center' });
			var input = first.querySelector('input, textarea, select');
			// a date field opens its calendar on focus, over the message: only scrolled to
			if (input && !first.closest('.fjs-form-field-datetime')) {
				input.focus({ preventScroll: true });
			}
		}
	}

	function fieldRefused(key, message) {
		var ids = fieldIds(form._getState().schema.components, {});
		var id = ids[key];
		if (!id) {
			return false;
		}
		var errors = Object.assign({}, form._getState().errors);
		errors[id] = [message];
		form._setState({ errors: errors });
		setTimeout(scrollToFirstError, 0);
		return true;
	}

	function done(answer) {
		container.hidden = true;
		submitButton.parentNode.hidden = true;
		showError('');
		document.querySelectorAll('form.claim').forEach(function (f) { f.hidden = true; });
		document.getElementById('done-message').textContent = answer.message;
		var list = document.getElementById('done-next');
		(answer.next || []).forEach(function (task) {
			var li = document.createElement('li');
			var a = document.createElement('a');
			a.href = '/tasks/' + encodeURIComponent(task.id);
			a.textContent = '办理“' + task.name + '”';
			li.appendChild(a);
			list.appendChild(li);
		});
		var panel = document.getElementById('done');
		panel.hidden = false;
		panel.scrollIntoView({ block: 'start' });
	}

	function submit() {
		var result = form.submit();
		if (Object.keys(result.errors).length) {
			showError('请先改正标红的字段。');
			setTimeout(scrollToFirstError, 0);
			return;
		}
		if (preview) {
			showError('');
			var out = document.getElementById('preview-data');
			out.textContent = JSON.stringify(result.data);
			out.hidden = false;
			return;
		}
		submitButton.disabled = true;
		showError('');
		var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
		headers[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;
		fetch(submitUrl, {
			method: 'POST',
			headers: headers,
			credentials: 'same-origin',
			body: JSON.stringify({ variables: result.data })
		}).then(function (response) {
			return response.json().catch(function () { return {}; }).then(function (answer) {
				if (response.ok) {
					done(answer);
					return;
				}
				submitButton.disabled = false;
				var message = answer.message || '提交未成功，请稍后再试。';
				if (answer.field && fieldRefused(answer.field, message)) {
					showError(message);
				}
				else {
					showError(message);
					formError.scrollIntoView({ block: 'center' });
				}
			});
		}).catch(function () {
			submitButton.disabled = false;
			showError('网络连接失败，填写的内容仍在，请稍后再提交。');
		});
	}

	// every keystroke reaches the form's data at once (form-js waits 300 ms by default): what is
	// on the screen is what is checked and submitted, however quickly the button is tapped
	form = new FormViewer.Form({ container: container, debounce: false });
	var validator = form.get('validator');
	['validateField', 'validateFieldInstance'].forEach(function (name) {
		var original = validator[name].bind(validator);
		validator[name] = function () {
			return original.apply(null, arguments).map(chinese);
		};
	});
	new MutationObserver(function () { translateWords(container); })
		.observe(container, { childList: true, subtree: true, characterData: true });

	form.importSchema(schema, data).then(function () {
		var loading = container.querySelector('.loading');
		if (loading) {
			loading.remove();
		}
		translateWords(container);
		submitButton.disabled = false;
		// when the form was there, for the page's measurements
		container.setAttribute('data-rendered-ms', String(Math.round(performance.now())));
		container.setAttribute('data-rendered', 'true');
	}).catch(function () {
		showError('表单无法显示，请刷新页面，或在任务（Tasklist）中办理。');
	});
	submitButton.addEventListener('click', submit);
}());
