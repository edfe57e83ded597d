/** Elder mode (长辈版) and reading pages aloud. */
export const displayZhCN = {
  'display.switchTo': '切换到',
  'display.elder': '长辈版',
  'display.standard': '标准版',
  'display.heading': '显示方式',
  'display.current': '当前使用：{mode}。',
  'display.elder.text': '长辈版字更大、按钮更大，颜色对比更清楚，还可以朗读页面内容。',
  'display.deviceOnly': '这个设置只保存在这台手机或电脑上。',
  'display.readAloud': '朗读',
  'display.stopReading': '停止朗读',
} satisfies Record<string, string>;
