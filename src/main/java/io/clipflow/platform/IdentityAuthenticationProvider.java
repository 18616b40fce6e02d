package io.clipflow.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic for {@code /api} against Camunda's identity service, so Admin stays the one user store.
 *
 * <p>A verified password is remembered for a short time (as a salted digest, never in clear) together with
 * the user's groups: the seckill accept path must not run SQL per request, and {@code checkPassword} is SQL.
 * The price is that a changed password or group membership takes effect for {@code /api} within that time.
 */
@Component
class IdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final Cache<String, VerifiedCaller> verified;
    private final byte[] salt = new byte[16];

    IdentityAuthenticationProvider(IdentityService identityService,
            @Value("${clipflow.security.credential-cache:PT30S}") Duration cacheFor) {
        this.identityService = identityService;
        this.verified = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(100_000).build();
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        byte[] digest = digest(userId, password);
        VerifiedCaller caller = verified.getIfPresent(userId);
        if (caller == null || !MessageDigest.isEqual(caller.digest(), digest)) {
            if (!identityService.checkPassword(userId, password)) {
                throw new BadCredentialsException("Bad credentials");
            }
            List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(Group::getId).toList();
            caller = new VerifiedCaller(digest, groups);
            verified.put(userId, caller);
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null,
                caller.groups().stream().map(g -> new SimpleGrantedAuthority(CallerGroups.authority(g))).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record VerifiedCaller(byte[] digest, List<String> groups) {
    }
}
