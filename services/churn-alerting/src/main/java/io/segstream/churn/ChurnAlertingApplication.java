package io.segstream.churn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ChurnAlertingApplication {
    public static void main(String[] args) {
        SpringApplication.run(ChurnAlertingApplication.class, args);
    }
}
