package vn.cchc.task.tasks;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface TaskRepository extends MongoRepository<Task, String> {
    List<Task> findByPlanId(String planId);

    List<Task> findByEvidenceContains(String publicationId);
}
