// Messages of the deadline, holiday-schedule, calendar-export and copy-register screens,
// kept apart from the main catalogues and spread into them (zh.ts, en.ts).
export const DEADLINES_ZH = {
  'deadlines.status.bankDeadline': '须在 {n} 个工作日内通知银行',
  'deadlines.status.bankOverdue': '通知银行已逾期',
  'deadlines.schedule.title': '节假日安排',
  'deadlines.schedule.bundled': '内置节假日数据覆盖 {first}–{last} 年。',
  'deadlines.schedule.none': '尚未导入节假日安排',
  'deadlines.schedule.entry':
    '{year} 年：{holidays} 个假日，{workingDays} 个调休上班日（{source}，导入于 {at}）',
  'deadlines.schedule.load': '导入节假日安排文件…',
  'deadlines.schedule.loaded': '已导入 {years} 年节假日安排。',
  'deadlines.schedule.notJson': '{name} 不是有效的 JSON 文件。',
  'deadlines.schedule.hint':
    '国务院办公厅每年公布次年节假日安排；未覆盖的年份按周一至周五推算期限并标注。文件格式见 README。',
} as const;

export const DEADLINES_EN: Record<keyof typeof DEADLINES_ZH, string> = {
  'deadlines.status.bankDeadline': 'Tell the bank within {n} working days',
  'deadlines.status.bankOverdue': 'Bank notification overdue',
  'deadlines.schedule.title': 'Holiday schedules',
  'deadlines.schedule.bundled': 'The bundled holiday data covers {first}–{last}.',
  'deadlines.schedule.none': 'No schedule loaded',
  'deadlines.schedule.entry':
    '{year}: {holidays} holidays, {workingDays} adjusted working days ({source}, loaded {at})',
  'deadlines.schedule.load': 'Load a holiday schedule file…',
  'deadlines.schedule.loaded': 'Holiday schedule loaded for {years}.',
  'deadlines.schedule.notJson': '{name} is not a valid JSON file.',
  'deadlines.schedule.hint':
    'The State Council publishes the next year’s schedule each autumn; deadlines in a year not covered assume Monday to Friday and say so. The file format is in the README.',
};
