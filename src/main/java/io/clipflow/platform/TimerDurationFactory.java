package io.clipflow.platform;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine parses every timer's ISO duration with a {@link DatatypeFactory} it asks the JDK for anew each time
 * (Camunda's {@code DurationHelper}). Unless told which implementation to use, the JDK looks for one on the class
 * path with a service-loader scan per call: about 5 % of a publish, which schedules the overdue timer (see
 * docs/benchmarks.md). Naming the JDK's own implementation, the one the scan ends with when nothing else is on
 * the class path, makes the lookup a class-name check. A deployment that sets the property itself keeps its choice.
 */
@Component
class TimerDurationFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
