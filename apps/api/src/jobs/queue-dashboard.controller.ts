import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ErrorCode, Role } from '@cll/domain';
import type { NextFunction, Request, Response } from 'express';
import { Roles } from '../auth/auth.decorators.js';
import { DomainException } from '../common/domain.exception.js';
import { QUEUE_DASHBOARD_API_PATH } from '../common/paths.js';
import { QueueService } from './queue.service.js';

/** Where the browser sees the dashboard: the web app's proxy route, which adds the signed-in admin's token. */
export const QUEUE_DASHBOARD_BASE_PATH = '/admin/queues';
const API_PATH = QUEUE_DASHBOARD_API_PATH;

/**
 * The Bull queues for the platform's administrators (@bull-board): counts, failed jobs with their errors, retry.
 * Behind the global guard like every route, for bureau_admin only; left out of the OpenAPI document (it is a UI and
 * its own JSON API), so its access has its own test. Browsers reach it through the web app at /admin/queues.
 */
@ApiExcludeController()
@Controller()
export class QueueDashboardController {
  private readonly router: (req: Request, res: Response, next: NextFunction) => void;

  constructor(queues: QueueService) {
    const adapter = new ExpressAdapter().setBasePath(QUEUE_DASHBOARD_BASE_PATH);
    createBullBoard({
      queues: queues.all().map((queue) => new BullAdapter(queue, { allowRetries: true })),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'Job queues' } },
    });
    this.router = adapter.getRouter() as (req: Request, res: Response, next: NextFunction) => void;
  }

  @Roles(Role.BureauAdmin)
  @All(['admin/queues', 'admin/queues/*path'])
  async serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    // The dashboard's router sees paths relative to its mount point, as if mounted with app.use().
    req.url = req.originalUrl.slice(API_PATH.length) || '/';
    // A path the dashboard does not know (or its error) is thrown here, so the global filter answers in our shape.
    await new Promise<void>((resolve, reject) => {
      res.once('finish', resolve);
      res.once('close', resolve);
      this.router(req, res, (error?: unknown) =>
        reject(
          error instanceof Error ? error : new DomainException(ErrorCode.NotFound, 'No such page here.'),
        ),
      );
    });
  }
}
