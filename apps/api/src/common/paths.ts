/** The queue dashboard's own JSON API (bull-board's), served under the API prefix but outside its request policy. */
export const QUEUE_DASHBOARD_API_PATH = '/api/admin/queues';
