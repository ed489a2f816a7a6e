import { Module } from '@nestjs/common';
import { IntegrityApiModule } from '../integrity/integrity.module';
import { LegalApiModule } from '../legal/legal.module';
import { EvidenceLinksController } from './evidence-links.controller';
import { PageLinkSigner } from './page-link-signer';
import { PagesController } from './pages.controller';

/** Browser pages through signed links, and `GET /` leading to the docs (docs/pages.md). */
@Module({
  imports: [LegalApiModule, IntegrityApiModule],
  controllers: [EvidenceLinksController, PagesController],
  providers: [PageLinkSigner],
})
export class PagesApiModule {}
