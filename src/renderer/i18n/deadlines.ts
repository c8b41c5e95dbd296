// Messages of the deadline, holiday-schedule, calendar-export and copy-register screens,
// kept apart from the main catalogues and spread into them (zh.ts, en.ts).
export const DEADLINES_ZH = {
  'deadlines.status.bankDeadline': '须在 {n} 个工作日内通知银行',
  'deadlines.status.bankOverdue': '通知银行已逾期',
} as const;

export const DEADLINES_EN: Record<keyof typeof DEADLINES_ZH, string> = {
  'deadlines.status.bankDeadline': 'Tell the bank within {n} working days',
  'deadlines.status.bankOverdue': 'Bank notification overdue',
};
