package io.segstream.feedback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FeedbackCollectionApplication {
    public static void main(String[] args) {
        SpringApplication.run(FeedbackCollectionApplication.class, args);
    }
}
