package io.segstream.segmentation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SegmentationApplication {
    public static void main(String[] args) {
        SpringApplication.run(SegmentationApplication.class, args);
    }
}
