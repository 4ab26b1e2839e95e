/**
 * Spring Boot auto-configuration of the jobstatus clients: {@link dev.jobstatus.spring.boot.JobstatusProperties}
 * ({@code jobstatus.*}), one client bean per configured provider, Micrometer observations, and a {@code jobstatus}
 * health contributor.
 */
@NullMarked
package dev.jobstatus.spring.boot;

import org.jspecify.annotations.NullMarked;
