package org.gatehouse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application behind {@code gatehouse serve}: each top-level package below this one is a module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatehouseApplication {}
