package ai.scailabs.scaivault.devserver.policy;

import java.util.Map;

import ai.scailabs.scaivault.devserver.audit.AuditLog;
import ai.scailabs.scaivault.devserver.auth.Principal;
import ai.scailabs.scaivault.devserver.http.ApiException;
import ai.scailabs.scaivault.devserver.http.ApiRequest;

/**
 * The {@link AccessControl} of the dev server: the root token is allowed everything, everyone
 * else what the {@link PolicyStore} allows; every check leaves one audit entry.
 */
public final class PolicyAccessControl implements AccessControl {

	private final PolicyStore policies;

	private final AuditLog audit;

	public PolicyAccessControl(PolicyStore policies, AuditLog audit) {
		this.policies = policies;
		this.audit = audit;
	}

	@Override
	public void require(ApiRequest request, String permission, String path) {
		if (!PolicyRule.PERMISSIONS.contains(permission)) {
			throw new IllegalArgumentException("Unknown permission '" + permission + "'");
		}
		boolean allowed = allows(request, permission, path);
		record(request, permission, path, allowed);
		if (!allowed) {
			throw ApiException.accessDenied("No policy allows " + permission + " on " + path,
					Map.of("path", path, "permission", permission));
		}
	}

	@Override
	public boolean allows(ApiRequest request, String permission, String path) {
		Principal principal = request.principal();
		return principal.root() || this.policies.evaluate(principal.identityId(), principal.groups(), path, permission,
				request.remoteAddress(), principal.mfa()).allowed();
	}

	@Override
	public void record(ApiRequest request, String permission, String path, boolean allowed) {
		this.audit.record(request, permission, path, allowed);
	}

}
