package org.gatehouse.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans of this module needed with or without the web server (the CLI creates accounts too). */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /**
     * bcrypt, behind Spring Security's delegating encoder: hashes are stored as {@code {bcrypt}…},
     * so a stronger algorithm can be introduced later and old hashes still verify.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
