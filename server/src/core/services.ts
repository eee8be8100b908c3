import type { AppConfig } from '@dajiuzhu/config';
import type { Models } from './models';
import { createPiiCipher } from './crypto/pii';
import { userRepository } from './identity/userRepository';
import { sessionRepository } from './auth/sessionRepository';
import { profileRepository } from './identity/profileRepository';
import { invitationRepository } from './identity/invitationRepository';
import { auditRepository } from './audit/auditRepository';
import { auditService } from './audit/auditService';
import { tokenService, type AccessClaims } from './auth/tokenService';
import { userService } from './identity/userService';
import { profileService } from './identity/profileService';
import { identityService } from './identity/identityService';
import { staffService } from './identity/staffService';
import { invitationService } from './identity/invitationService';
import { peopleRepository } from './identity/peopleRepository';
import { peopleService } from './identity/peopleService';
import type { WechatClient } from './adapters/wechat/code2session';
import { createFaceVerificationClient, type FaceVerificationClient } from './adapters/wechat/faceVerification';
import { verifiedIdentityRepository } from './identity/verifiedIdentityRepository';
import { fileRepository } from './files/fileRepository';
import { fileService } from './files/fileService';
import { localDiskStorage } from './files/fileStorage';
import path from 'node:path';

/** Wires repositories into services once per app instance. */
export function createServices(models: Models, config: AppConfig, deps: { sign: (c: AccessClaims) => string; wechat: WechatClient; face?: FaceVerificationClient }) {
  const repos = {
    users: userRepository(models),
    sessions: sessionRepository(models),
    profiles: profileRepository(models),
    verified: verifiedIdentityRepository(models),
    invitations: invitationRepository(models),
    audit: auditRepository(models),
    files: fileRepository(models),
  };
  const pii = createPiiCipher(config.pii);
  const audit = auditService(repos.audit);
  return {
    audit,
    pii,
    wechat: deps.wechat,
    tokens: tokenService({ sessions: repos.sessions, audit, sign: deps.sign, accessTtlSeconds: config.jwt.accessTtlSeconds, refreshTtlDays: config.jwt.refreshTtlDays, maxSessionsPerAccount: config.maxSessionsPerAccount, sessionCacheMs: config.sessionCacheMs }),
    users: userService({ users: repos.users, profiles: repos.profiles, audit }),
    profiles: profileService({ profiles: repos.profiles, verified: repos.verified, pii, audit }),
    /** Verified identity: the only link from an account to records about a person. */
    identity: identityService({
      profiles: repos.profiles,
      verified: repos.verified,
      users: repos.users,
      pii,
      audit,
      face: deps.face ?? createFaceVerificationClient({ ...config.wechat, apiBaseUrl: config.identity.faceApiBaseUrl ?? config.wechat.apiBaseUrl }),
      verifier: config.identity.verifier,
      acceptDevIdentities: config.devSignIn,
      linkCacheMs: config.sessionCacheMs,
    }),
    staff: staffService({ profiles: repos.profiles, audit }),
    files: fileService({ files: repos.files, profiles: repos.profiles, storage: localDiskStorage(path.resolve(config.dataDir, 'files')), audit }),
    /** The admin's desk: invitations listed and revoked, people by role and region, deactivation. */
    people: peopleService({ people: peopleRepository(models), audit }),
    invitations: invitationService({ invitations: repos.invitations, users: repos.users, audit, ttlHours: config.invitationTtlHours }),
  };
}
/** The core services every domain may use (app.services). */
export type Services = ReturnType<typeof createServices>;
