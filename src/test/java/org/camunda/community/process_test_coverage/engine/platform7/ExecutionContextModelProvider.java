package org.camunda.community.process_test_coverage.engine.platform7;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.engine.ModelProvider;
import org.camunda.community.process_test_coverage.core.model.Model;

/**
 * Carepath's copy of the coverage library's (3.0.0) model provider, shadowing it on the test classpath:
 * the library's looks a model up by key alone ({@code latestVersion().singleResult()}), which fails
 * once every region has its own tenant's definition of the key. This one takes the model of the
 * definition the execution at hand runs (else the latest of its tenant); otherwise it counts as the
 * library's does.
 */
public final class ExecutionContextModelProvider implements ModelProvider {

    @Override
    public Model getModel(String key) {
        ExecutionEntity execution = (ExecutionEntity) Context.getBpmnExecutionContext().getExecution();
        RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
        ProcessDefinition definition = repository.getProcessDefinition(execution.getProcessDefinitionId());
        if (!definition.getKey().equals(key)) {
            var query = repository.createProcessDefinitionQuery().processDefinitionKey(key);
            query = execution.getTenantId() == null ? query.withoutTenantId() : query.tenantIdIn(execution.getTenantId());
            definition = query.latestVersion().singleResult();
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        Set<FlowNode> nodes = executable(model.getModelElementsByType(FlowNode.class), key);
        Set<SequenceFlow> flows = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> nodes.contains(flow.getSource())).collect(Collectors.toSet());
        return new Model(key, nodes.size() + flows.size(), definition.getVersionTag(), Bpmn.convertToString(model));
    }

    private static Set<FlowNode> executable(Collection<FlowNode> nodes, String key) {
        return nodes.stream().filter(node -> isExecutable(node, key)).collect(Collectors.toSet());
    }

    private static boolean isExecutable(ModelElementInstance element, String key) {
        if (element == null) {
            return false;
        }
        if (element instanceof Process process) {
            return process.isExecutable() && process.getId().equals(key);
        }
        return isExecutable(element.getParentElement(), key);
    }
}
