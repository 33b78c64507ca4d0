// Chart types only the survey results use (gauge, quadrant scatter, reference lines), registered on the shared
// ECharts core when the results load. Kept here so other pages do not pay for them.
import * as echarts from 'echarts/core';
import { GaugeChart, ScatterChart } from 'echarts/charts';
import { MarkAreaComponent, MarkLineComponent } from 'echarts/components';

echarts.use([GaugeChart, ScatterChart, MarkLineComponent, MarkAreaComponent]);
