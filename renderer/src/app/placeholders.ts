/**
 * Features wired in later by the lead (预览, 导出, 导入, 以上年为基础新建). Their buttons are in
 * place, disabled, with this tooltip; see docs/ui.md “接入点”.
 */
export const LATER = '将在后续版本提供';
