import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@cll/domain';
import type { EntityManager, Repository } from 'typeorm';
import { DomainException } from '../common/domain.exception.js';
import { Township, Village } from './geo.entities.js';

@Injectable()
export class GeoService {
  constructor(
    @InjectRepository(Township) private readonly townships: Repository<Township>,
    @InjectRepository(Village) private readonly villages: Repository<Village>,
  ) {}

  listTownships(): Promise<Township[]> {
    return this.townships.find({ order: { code: 'ASC' } });
  }

  /** The whole county's places in one answer (about 12 townships and 60 villages), for residence forms. */
  async listTownshipsWithVillages(): Promise<Array<Township & { villages: Village[] }>> {
    const [townships, villages] = await Promise.all([
      this.listTownships(),
      this.villages.find({ order: { code: 'ASC' } }),
    ]);
    return townships.map((t) => ({ ...t, villages: villages.filter((v) => v.townshipCode === t.code) }));
  }

  async listVillages(townshipCode: string): Promise<Village[]> {
    if (!(await this.townships.existsBy({ code: townshipCode }))) {
      throw new DomainException(ErrorCode.NotFound, 'No such township.');
    }
    return this.villages.find({ where: { townshipCode }, order: { code: 'ASC' } });
  }

  async assertTownship(manager: EntityManager, townshipCode: string): Promise<void> {
    if (!(await manager.existsBy(Township, { code: townshipCode }))) {
      throw DomainException.field(ErrorCode.TownshipUnknown, 'townshipCode', 'No township has this code.');
    }
  }

  /** Both codes must exist and the village must lie in the township. */
  async assertPlace(manager: EntityManager, townshipCode: string, villageCode: string): Promise<void> {
    await this.assertTownship(manager, townshipCode);
    if (!(await manager.existsBy(Village, { code: villageCode, townshipCode }))) {
      throw DomainException.field(
        ErrorCode.VillageUnknown,
        'villageCode',
        'No village or community with this code in that township.',
      );
    }
  }
}
