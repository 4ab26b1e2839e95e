package dev.jobstatus.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that lists and waits on jobs of all three providers through the jobstatus starter: the
 * clients come from {@code jobstatus.*} properties, health and metrics from the actuator.
 */
@SpringBootApplication
public class JobsApplication {
    /**
     * Starts the application.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(JobsApplication.class, args);
    }
}
