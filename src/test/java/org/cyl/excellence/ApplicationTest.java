package org.cyl.excellence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port with the demo data, behind the real security
 * chain. Every test class with this annotation shares one application context (and so one
 * engine named "default", which the webapps look up by name), with a {@link MovableClock}
 * for what throttles by time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
public @interface ApplicationTest {

}
