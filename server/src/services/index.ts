import type { AppConfig } from '@dajiuzhu/config';
import type { Models } from '../models';
import { createPiiCipher } from '../crypto/pii';
import { userRepository } from '../repositories/userRepository';
import { sessionRepository } from '../repositories/sessionRepository';
import { profileRepository } from '../repositories/profileRepository';
import { invitationRepository } from '../repositories/invitationRepository';
import { auditRepository } from '../repositories/auditRepository';
import { auditService } from './auditService';
import { tokenService, type AccessClaims } from './tokenService';
import { userService } from './userService';
import { profileService } from './profileService';
import { staffService } from './staffService';
import { invitationService } from './invitationService';
import type { WechatClient } from '../adapters/wechat/code2session';
import { fileRepository } from '../repositories/fileRepository';
import { fileService } from './fileService';
import { policyPeriodRepository } from '../repositories/policyPeriodRepository';
import { policyStandardsStore } from './policyStandardsStore';
import { POLICY_FILES } from '@dajiuzhu/config';
import { localDiskStorage } from '../storage/fileStorage';
import path from 'node:path';

/** Wires repositories into services once per app instance. */
export function createServices(models: Models, config: AppConfig, deps: { sign: (c: AccessClaims) => string; wechat: WechatClient }) {
  const repos = {
    users: userRepository(models),
    sessions: sessionRepository(models),
    profiles: profileRepository(models),
    invitations: invitationRepository(models),
    audit: auditRepository(models),
    files: fileRepository(models),
    policyPeriods: policyPeriodRepository(models),
  };
  const pii = createPiiCipher(config.pii);
  const audit = auditService(repos.audit);
  return {
    audit,
    pii,
    wechat: deps.wechat,
    tokens: tokenService({ sessions: repos.sessions, audit, sign: deps.sign, accessTtlSeconds: config.jwt.accessTtlSeconds, refreshTtlDays: config.jwt.refreshTtlDays }),
    users: userService({ users: repos.users, profiles: repos.profiles, audit }),
    profiles: profileService({ profiles: repos.profiles, pii, audit }),
    staff: staffService({ profiles: repos.profiles, audit }),
    /** Standards per region and period: the reviewed files plus admin-added periods. */
    policyStandards: policyStandardsStore({ files: POLICY_FILES, periods: repos.policyPeriods, audit }),
    files: fileService({ files: repos.files, profiles: repos.profiles, storage: localDiskStorage(path.resolve(config.dataDir, 'files')), audit }),
    invitations: invitationService({ invitations: repos.invitations, users: repos.users, audit, ttlHours: config.invitationTtlHours }),
  };
}
export type Services = ReturnType<typeof createServices>;
