import type { WishConfig } from '@dajiuzhu/config';
import type { ContentCheckClient } from '../../../core/adapters/wechat/contentCheck';
import type { Services } from '../../../core/services';
import type { WishRepository } from '../repository';
import { contentChecks } from './contentChecks';
import { donorContactService } from './donorContacts';
import { postingService } from './postingService';
import { reviewService } from './reviewService';
import { squareService } from './squareService';
import { numbersService } from './numbersService';
import { claimService } from './claimService';
import { lapseService } from './lapseService';
import { certificateService } from './certificateService';
import { wishStore } from './wishStore';

export interface WishServiceDeps {
  repo: WishRepository;
  config: WishConfig;
  core: Pick<Services, 'profiles' | 'files' | 'pii' | 'audit' | 'users' | 'identity'>;
  contentCheck: ContentCheckClient;
  warn?: (message: string, details: Record<string, unknown>) => void;
}

/** The domain's services, one per job, wired once per app instance. */
export function wishServices(deps: WishServiceDeps) {
  const { repo, config, core } = deps;
  const store = wishStore(repo, { warn: deps.warn });
  const checks = contentChecks({ openidOf: core.users.openidOf, config, files: core.files, contentCheck: deps.contentCheck });
  const contacts = donorContactService({ repo, pii: core.pii, audit: core.audit });
  return {
    posting: postingService({ repo, store, config, checks, profiles: core.profiles, identity: core.identity, audit: core.audit }),
    review: reviewService({ repo, store, config, checks, contacts, audit: core.audit }),
    square: squareService({ repo, store, files: core.files, identity: core.identity, audit: core.audit }),
    numbers: numbersService({ repo }),
    claims: claimService({ repo, store, config, checks, identity: core.identity }),
    lapse: lapseService({ repo, store, config, contacts }),
    certificates: certificateService({ repo, store }),
    contacts,
  };
}
export type WishServices = ReturnType<typeof wishServices>;
